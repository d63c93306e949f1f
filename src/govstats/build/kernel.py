"""The kernel a build runs its notebooks in: a plain local kernel told, through its
environment, that its outputs are for the report page only (REPORT_KERNEL_ENV), so that
govstats.render.notebook.show_html does not embed JupyterLab's stylesheet and font faces
(the page takes the bare fragment and embeds its own font; the faces cost about 2 s a month).

nbclient makes it by name (``NotebookClient.kernel_manager_class``, see notebooks.execute_once);
jupyter_client is imported only when a build starts a kernel.
"""

from __future__ import annotations

import os
from typing import Any

from jupyter_client import AsyncKernelManager

from govstats.render.notebook import REPORT_KERNEL_ENV


class ReportKernelManager(AsyncKernelManager):
    """AsyncKernelManager whose kernels see ``REPORT_KERNEL_ENV=1``."""

    async def _async_pre_start_kernel(self, **kw: Any) -> Any:  # type: ignore[override]
        kw["env"] = {**(kw.get("env") or os.environ), REPORT_KERNEL_ENV: "1"}
        return await super()._async_pre_start_kernel(**kw)
