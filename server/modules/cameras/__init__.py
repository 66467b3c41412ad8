"""cameras: the operations room's cameras, their health and the camera-down alert."""
