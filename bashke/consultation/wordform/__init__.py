"""The idea form in Word: the document people download (``generate``), what is read back
from the one they return (``parse``), and the text of the form in both languages
(``labels``). Nothing here touches the database: the services match what was read to the
plan's goals, components and institutions."""
