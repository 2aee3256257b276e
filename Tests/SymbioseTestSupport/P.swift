enum PlaceholderSymbioseTestSupport {}
