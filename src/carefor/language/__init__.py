"""Language and message analysis: pure functions, no Django, all local."""
