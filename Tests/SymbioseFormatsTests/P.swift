enum PlaceholderSymbioseFormatsTests {}
