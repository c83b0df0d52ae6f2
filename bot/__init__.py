"""Undertone: real-time coaching for customer-support agents in Slack."""

__version__ = "0.2.0"  # the one place the version lives (pyproject reads it; see CHANGELOG.md)
