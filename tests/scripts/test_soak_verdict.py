# SPDX-License-Identifier: LicenseRef-ClusterScope
"""The soak test's verdict on memory, on made-up samples: a server whose memory swings widely
under load passes; one whose floor keeps rising fails; open files that keep rising fail."""
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
import soak  # noqa: E402

SECONDS = 240


def samples(anon_at, files_at=lambda t: 44):
    return [(t, anon_at(t) + 60, anon_at(t), files_at(t)) for t in range(SECONDS)]


def swinging(t):
    # 160..370 MiB with no trend, the shape the CI run of 2026-12-06 showed.
    return 265 + 105 * math.sin(t / 3.0)


class SoakVerdictTest(unittest.TestCase):
    def test_a_wide_swing_with_no_trend_passes(self):
        self.assertEqual(soak.growth_problems(samples(swinging), SECONDS), [])

    def test_a_swing_ending_on_a_peak_passes(self):
        # The last few samples all high: a line through the last third would slope up.
        def ending_high(t):
            return 370 if t > SECONDS - 12 else swinging(t)
        self.assertEqual(soak.growth_problems(samples(ending_high), SECONDS), [])

    def test_a_rising_floor_under_the_swing_fails(self):
        # A leak of 1 MiB a second: 80 MiB between the middle third and the last.
        problems = soak.growth_problems(samples(lambda t: swinging(t) + t), SECONDS)
        self.assertEqual(len(problems), 1)
        self.assertIn("anonymous resident memory rose", problems[0])

    def test_a_steady_leak_without_swing_fails(self):
        problems = soak.growth_problems(samples(lambda t: 40 + 0.5 * t), SECONDS)
        self.assertEqual(len(problems), 1)

    def test_open_files_that_keep_rising_fail(self):
        problems = soak.growth_problems(samples(swinging, lambda t: 40 + t // 10), SECONDS)
        self.assertEqual(problems, ["open files grew by 8 over the last third"])

    def test_too_few_samples_is_a_finding(self):
        self.assertEqual(soak.growth_problems(samples(swinging)[:100], SECONDS),
                         ["too few samples of the server's memory"])


if __name__ == "__main__":
    unittest.main()
