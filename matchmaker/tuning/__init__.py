"""``matchmaker tune``: component weights fitted to recorded accept/decline decisions."""
