"""What the four profile kinds share: location, facets for filtering, generic CRUD."""
