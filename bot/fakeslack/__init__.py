"""A local fake of Slack for tests and `undertone demo`: Web API, payload builders, driver."""

from bot.fakeslack.driver import DriverResponse, SlackDriver
from bot.fakeslack.methods import METHODS, MethodSpec
from bot.fakeslack.server import Call, Ephemeral, FakeSlack, Message, ResponsePost

__all__ = [
    "METHODS",
    "Call",
    "DriverResponse",
    "Ephemeral",
    "FakeSlack",
    "Message",
    "MethodSpec",
    "ResponsePost",
    "SlackDriver",
]
