"""A process that holds the lock of one file until it is killed (driven by the lock tests).

usage: python holder.py FILE
Takes ``kit.atomicfile.locked(FILE)``, prints ``locked`` and sleeps.
"""

import sys
import time

from kit.atomicfile import locked

with locked(sys.argv[1], timeout=30):
    print("locked", flush=True)
    time.sleep(600)
