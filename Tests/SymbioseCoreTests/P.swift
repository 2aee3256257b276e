enum PlaceholderSymbioseCoreTests {}
