package io.smsim.sim;

import java.util.Arrays;

/** Install &amp; commission journeys in progress, as primitive arrays with a free list. */
final class JourneyPool {

  int[] region;
  int[] step;
  boolean[] disrupted;
  private int[] free;
  private int freeTop;
  private int used;
  private int live;
  private final int[] liveByRegion;

  JourneyPool(int regions) {
    region = new int[256];
    step = new int[256];
    disrupted = new boolean[256];
    free = new int[256];
    liveByRegion = new int[regions];
  }

  int allocate(int regionIndex) {
    int id;
    if (freeTop > 0) {
      id = free[--freeTop];
    } else {
      if (used == region.length) {
        int cap = used * 2;
        region = Arrays.copyOf(region, cap);
        step = Arrays.copyOf(step, cap);
        disrupted = Arrays.copyOf(disrupted, cap);
        free = Arrays.copyOf(free, cap);
      }
      id = used++;
    }
    region[id] = regionIndex;
    step[id] = 0;
    disrupted[id] = false;
    live++;
    liveByRegion[regionIndex]++;
    return id;
  }

  void release(int id) {
    free[freeTop++] = id;
    live--;
    liveByRegion[region[id]]--;
  }

  int live() {
    return live;
  }

  int live(int regionIndex) {
    return liveByRegion[regionIndex];
  }
}
