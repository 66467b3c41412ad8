"""The operators' camera page: the cameras with their live states, and a player."""
