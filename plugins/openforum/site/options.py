"""What a build of the site needs besides the records: the one build context.

`SiteOptions` is the build context (`build_context.BuildContext`) under the name the page
generators have always used; there is no second object to keep in step with it.
"""

from __future__ import annotations

from ..build_context import BuildContext
from ..facts.calendar import default_today

__all__ = ["SiteOptions", "default_today"]

SiteOptions = BuildContext
