import SymbioseCLI

HugePages.restartIfUseful()
await SymbioseCommand.runMain()
