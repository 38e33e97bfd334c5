"""ISYBAU XML (Austauschformat Abwasser, Versionen 2013 und 2017): Kanalkataster und Zustandsdaten."""
