"""The kernel a build runs its notebooks in: the ``govstats`` kernel that scripts/setup.sh
registers in .venv and the notebooks name (falling back to ipykernel's ``python3``, the same
interpreter, where it is not registered), told through its environment that its outputs are for
the report page only (REPORT_KERNEL_ENV), so that govstats.render.notebook.show_html does not
embed JupyterLab's stylesheet and font faces (the page takes the bare fragment and embeds its own
font; the faces cost about 2 s a month).

nbclient makes the manager by name (``NotebookClient.kernel_manager_class``, see
notebooks.execute_once); jupyter_client is imported only when a build starts a kernel.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

from govstats.render.notebook import REPORT_KERNEL_ENV

log = logging.getLogger(__name__)

#: The kernel the notebooks name in their metadata (kernelspec), which scripts/setup.sh
#: registers in .venv (ipykernel install --sys-prefix): JupyterLab lists it as "Python (govstats)".
KERNEL_NAME = "govstats"
#: The kernel a build falls back to: ipykernel's own, which always runs this interpreter.
FALLBACK_KERNEL = "python3"


class ReportKernelManager(AsyncKernelManager):
    """AsyncKernelManager whose kernels see ``REPORT_KERNEL_ENV=1``."""

    async def _async_pre_start_kernel(self, **kw: Any) -> Any:  # type: ignore[override]
        kw["env"] = {**(kw.get("env") or os.environ), REPORT_KERNEL_ENV: "1"}
        return await super()._async_pre_start_kernel(**kw)


def kernel_name() -> str:
    """The kernel a build runs notebooks in: ``govstats`` when it is registered and runs this
    interpreter; else ``python3`` (this interpreter too), with a warning when a ``govstats``
    kernel of another environment is in the way (it would import another govstats)."""
    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    except NoSuchKernel:
        log.debug("no %s kernel registered (scripts/setup.sh registers it): using %s", KERNEL_NAME, FALLBACK_KERNEL)
        return FALLBACK_KERNEL
    command = spec.argv[0] if spec.argv else ""
    found = shutil.which(command) if command else None  # a bare "python" is whichever PATH finds
    if found and Path(found).absolute() == Path(sys.executable).absolute():
        return KERNEL_NAME
    log.warning("kernel %s runs %s, not %s: using %s (scripts/setup.sh registers it again)",
                KERNEL_NAME, command, sys.executable, FALLBACK_KERNEL)
    return FALLBACK_KERNEL
