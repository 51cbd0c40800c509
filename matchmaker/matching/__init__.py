"""The matching engine: embeddings, FAISS indexes and explained hybrid ranking."""
