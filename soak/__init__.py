"""The months-in-a-row soak: monthly cycles of `revops run` with hostile rows of every kind
injected each month, checked after every cycle and against a full refresh at the end."""
