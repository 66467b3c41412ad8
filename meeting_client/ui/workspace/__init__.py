"""The workspace: the home a user lands on after signing in, with a rail of modules."""
