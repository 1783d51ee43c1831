"""Matchpoint's "Contact this cluster": a form on each cluster profile whose messages are
stored and relayed by e-mail, so the contact person's address need not be published."""
