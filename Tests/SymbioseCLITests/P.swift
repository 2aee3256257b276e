enum PlaceholderSymbioseCLITests {}
