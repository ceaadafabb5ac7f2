"""Use cases. They import the domain and its ports, nothing else."""
