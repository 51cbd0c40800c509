"""Likely duplicate profiles: detection for admins, and the merge that keeps history."""
