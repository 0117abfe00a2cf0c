"""Actors: the actor base (people, states, governments, militaries, IGOs, armed groups, with
dated roles) and the resolver that finds and resolves actor mentions in an article.

    from storyline.actors import load_actor_base, resolve_mentions
    base = load_actor_base()
    mentions, new_actors = resolve_mentions(parsed, base, "2025-06-18")
"""
from .base import ActorBase, load_actor_base, load_user_actors
from .resolve import mention_at, mention_for_span, resolve_mentions

__all__ = ["ActorBase", "load_actor_base", "load_user_actors", "resolve_mentions", "mention_at",
           "mention_for_span"]
