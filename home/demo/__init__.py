"""The demo site built from the seed presentation, in English, Danish and German."""
