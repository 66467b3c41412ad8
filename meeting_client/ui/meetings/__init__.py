"""The workspace's Họp module: today's and coming meetings; opening one enters the room."""
