package io.smsim.metrics;

import java.io.Serializable;

/**
 * Install &amp; commission journeys ("birthing events").
 *
 * @param impacted journeys that failed: a step still failed after the installer's retries
 * @param disrupted journeys that saw at least one failed attempt, impacted or not
 */
public record Births(long total, long completed, long impacted, long disrupted, long inProgress)
    implements Serializable {
}
