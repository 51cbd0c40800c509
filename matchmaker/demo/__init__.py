"""Demo data: a small, hand-written Beijing–Tianjin–Hebei hard-tech ecosystem."""
