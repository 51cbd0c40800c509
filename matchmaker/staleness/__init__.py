"""Profiles not updated for a set time: listed to the accounts that manage them."""
