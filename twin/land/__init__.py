"""Land management (Flächenmanagement): inner-development candidates, their status and area balances."""
