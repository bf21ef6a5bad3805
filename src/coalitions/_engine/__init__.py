"""The engine: a council compiled into an integer game, and the algorithms on it.

Nothing here knows a party's name once the game is compiled: players are
``0 .. n-1``, coalitions are bitmasks, results are integers and Fractions.
"""
