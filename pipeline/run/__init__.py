"""How one job runs: the typed run options that the CLI, the jobs file and the bench share."""
