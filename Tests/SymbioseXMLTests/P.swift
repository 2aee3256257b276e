enum PlaceholderSymbioseXMLTests {}
