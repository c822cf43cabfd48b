"""How a job runs: planners, the render loop, encoding, reports, benchmarks and the CLI.

``pipeline`` depends on ``engine_bridge`` and ``scenes``; nothing depends on it.
"""
