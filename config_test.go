package main

import (
	"strings"
	"testing"
	"time"
)

// TestJobConfig: the job runner's limits from the environment, and the
// values refused with the variable's name.
func TestJobConfig(t *testing.T) {
	for _, tc := range []struct {
		env             testEnv
		timeout, rescue time.Duration
		err             string
	}{
		{env: testEnv{}},
		{env: testEnv{"WOOW_JOB_TIMEOUT": "10s", "WOOW_JOB_RESCUE_AFTER": "12s"}, timeout: 10 * time.Second, rescue: 12 * time.Second},
		{env: testEnv{"WOOW_JOB_TIMEOUT": "2m"}, timeout: 2 * time.Minute},
		{env: testEnv{"WOOW_JOB_TIMEOUT": "soon"}, err: "WOOW_JOB_TIMEOUT: want a duration"},
		{env: testEnv{"WOOW_JOB_TIMEOUT": "10ms"}, err: "WOOW_JOB_TIMEOUT: want a duration"},
		{env: testEnv{"WOOW_JOB_RESCUE_AFTER": "48h"}, err: "WOOW_JOB_RESCUE_AFTER: want a duration"},
		// A rescue before the timeout would run a live job a second time.
		{env: testEnv{"WOOW_JOB_TIMEOUT": "1m", "WOOW_JOB_RESCUE_AFTER": "30s"}, err: "must exceed the job timeout (1m0s)"},
		{env: testEnv{"WOOW_JOB_RESCUE_AFTER": "5m"}, err: "must exceed the job timeout (6m0s)"},
	} {
		cfg, err := loadConfig(tc.env.getenv)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%v: error %v, want %q", tc.env, err, tc.err)
			}
		case err != nil:
			t.Errorf("%v: %v", tc.env, err)
		case cfg.Jobs.JobTimeout != tc.timeout || cfg.Jobs.RescueAfter != tc.rescue:
			t.Errorf("%v: timeout %s, rescue after %s; want %s, %s", tc.env, cfg.Jobs.JobTimeout, cfg.Jobs.RescueAfter, tc.timeout, tc.rescue)
		}
	}
}
