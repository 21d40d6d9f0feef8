#!/bin/sh
# FAKE gpioset for tests: this machine has no GPIO chip and no gpio-sim, so this stand-in for
# libgpiod 1.6's gpioset only records its arguments (one line) in $FAKE_GPIOSET_LOG, or fails
# like the real one when $FAKE_GPIOSET_FAIL is set.
if [ -n "$FAKE_GPIOSET_FAIL" ]; then
  echo "gpioset: error setting the GPIO line values: $FAKE_GPIOSET_FAIL" >&2
  exit 1
fi
echo "$*" >> "$FAKE_GPIOSET_LOG"
