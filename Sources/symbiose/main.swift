import SymbioseCLI

await SymbioseCommand.runMain()
