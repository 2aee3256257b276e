import SymbioseCLI

SymbioseCommand.main()
