"""Compiled templates kept between builds, as Python keeps compiled modules.

Compiling the plugin's templates and the theme's (lexing, parsing, generating Python) was
about a tenth of a one-process build of 1,000 records, the same work each time. Jinja's
bytecode cache keeps each compiled template in a private folder of the system's temporary
directory (`_jinja2-cache-<uid>`, made by Jinja with owner-only rights), checked against
the template's source on every use: an edited template is compiled again, never served
stale. The key of each also holds the environment's settings that change the compiled
code (delimiters, autoescape, extensions, ...): two environments never share one compiled
template unless they would compile it the same. Where that folder cannot be had (a
read-only or shared temporary directory), the templates are compiled as before.
"""

from __future__ import annotations

from functools import cache

import jinja2
from jinja2.bccache import Bucket


class _SettingsAwareCache(jinja2.FileSystemBytecodeCache):
    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        key = self.get_cache_key(f"{name}|{compile_settings(environment)}", filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


def compile_settings(env: jinja2.Environment) -> str:
    """What of `env` the compiled code of a template depends on, besides its source. A
    setting that is a function reads differently in each process: no sharing, no harm."""
    return repr(
        (
            env.block_start_string, env.block_end_string, env.variable_start_string,
            env.variable_end_string, env.comment_start_string, env.comment_end_string,
            env.line_statement_prefix, env.line_comment_prefix, env.trim_blocks,
            env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
            env.autoescape, env.optimized, env.finalize, env.is_async,
            getattr(env, "newstyle_gettext", None), sorted(env.extensions),
            env.code_generator_class, env.context_class, jinja2.__version__,
        )
    )  # fmt: skip


@cache
def template_cache() -> jinja2.BytecodeCache | None:
    try:
        return _SettingsAwareCache(pattern="__openforum_%s.cache")
    except (OSError, RuntimeError):  # Jinja refuses a folder another user could write
        return None


def keep_compiled(env: jinja2.Environment) -> None:
    """`env` loads compiled templates from the cache, and never looks at a template's
    file again within a build: its templates do not change while it renders (`mkdocs
    serve` makes a new environment for each build)."""
    env.bytecode_cache = template_cache()
    env.auto_reload = False
