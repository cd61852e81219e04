"""Executes Jupyter notebooks headlessly with nbclient and writes their outputs back.

Called by scripts/notebooks.mjs (which prepares the kernelspecs); run by Debian's
/usr/bin/python3 with python3-nbclient and python3-nbformat. Exits nonzero when a cell
errors (the notebook is then left as it was) or when a notebook lacks the rich outputs
it promises (text/html and image/svg+xml, or its metadata.fourports.requiredOutputs).
"""
import os
import queue
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError
from nbclient.util import ensure_async

# Rich outputs a notebook must end up with, unless its metadata.fourports.requiredOutputs says otherwise.
REQUIRED_MIME = ["text/html", "image/svg+xml"]


class LateOutputClient(NotebookClient):
    """Keeps listening briefly after a cell's kernel goes idle for its execute_result.

    In 2 of 6 runs of the tutorial with Deno's kernel (2.9.6) one cell came back without its
    result. A kernel publishing a result after its "idle" status is a known cause of exactly that
    (nbclient stops listening at idle), so messages for the cell arriving within LATE_OUTPUT_S
    of idle are kept; whether that was the cause here is unconfirmed (the loss did not recur).
    Notebooks with metadata.fourports.everyCellOutputs fail the run on a silent cell either way.
    """

    LATE_OUTPUT_S = 3.0

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        if any(o.get("output_type") == "execute_result" for o in cell.outputs):
            return
        deadline = time.monotonic() + self.LATE_OUTPUT_S
        while (left := deadline - time.monotonic()) > 0:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=left))
            except queue.Empty:
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                pass
            if msg["msg_type"] == "execute_result":
                print(f"  cell {cell_index}: its result came after the kernel went idle; kept", file=sys.stderr)
                return


def mime_types(nb):
    found = set()
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            found.update(out.get("data", {}).keys())
    return found


def run(path, timeout):
    nb = nbformat.read(path, as_version=4)
    folder = os.path.dirname(os.path.abspath(path))
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    if not kernel:
        print(f"{path}: metadata.kernelspec.name is missing (expected \"deno\" or \"tslab\")", file=sys.stderr)
        return False
    client = LateOutputClient(nb, kernel_name=kernel, timeout=timeout, record_timing=False, resources={"metadata": {"path": folder}})
    t0 = time.monotonic()
    try:
        client.execute()
    except CellExecutionError as e:
        # tslab reports type errors as stderr text beside an empty error: show what the cells wrote there.
        said = [o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == "stderr"]
        print(f"{path}: a cell failed; the notebook was not rewritten.\n{e}\n{''.join(said)}", file=sys.stderr)
        return False
    seconds = time.monotonic() - t0
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    if errors:
        print(f"{path}: {len(errors)} error output(s): {errors[0].get('ename')}: {errors[0].get('evalue')}", file=sys.stderr)
        return False
    # A notebook whose every code cell ends in a result can say so, and then a cell that showed
    # nothing (a lost or empty display) fails the run too.
    if nb.metadata.get("fourports", {}).get("everyCellOutputs", False):
        silent = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and not c.get("outputs")]
        if silent:
            print(f"{path}: code cell(s) {', '.join(str(i) for i in silent)} (0-based, counting markdown) produced no output", file=sys.stderr)
            return False
    required = nb.metadata.get("fourports", {}).get("requiredOutputs", REQUIRED_MIME)
    missing = [m for m in required if m not in mime_types(nb)]
    if missing:
        print(f"{path}: no {', '.join(missing)} output in any cell (expected rich display)", file=sys.stderr)
        return False
    tmp = path + ".tmp"
    nbformat.write(nb, tmp)
    os.replace(tmp, path)
    print(f"{path}: executed in {seconds:.0f} s by the {kernel} kernel; outputs: {', '.join(sorted(mime_types(nb)))}")
    return True


def main():
    timeout = int(os.environ.get("NOTEBOOK_CELL_TIMEOUT_S", "900"))
    paths = sys.argv[1:]
    if not paths:
        print("usage: notebooks-run.py NOTEBOOK.ipynb…", file=sys.stderr)
        return 2
    ok = all([run(p, timeout) for p in paths])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
