"""The questions and petitions inbox of each site's editorial board and units."""
