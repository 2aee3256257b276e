import SymbioseCLI

HugePages.restartIfUseful()
LargeBlocks.returnWhenFreed()
await SymbioseCommand.runMain()
