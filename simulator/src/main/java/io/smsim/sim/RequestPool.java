package io.smsim.sim;

import java.util.Arrays;

/**
 * In-flight service requests as parallel primitive arrays with a free list: no object per
 * request, memory proportional to the requests in flight at once. A request is one logical
 * service request across its attempts. Requests in flight at a server form an intrusive doubly
 * linked list, so a restart or failure can fail exactly those as lost.
 */
final class RequestPool {

  int[] region;
  int[] category;
  int[] srv;
  int[] attempt;
  int[] journey;
  int[] server;
  int[] outcome;
  int[] prev;
  int[] next;
  long[] attemptStartNanos;
  long[] doneHandle;
  private int[] free;
  private int freeTop;
  private int used;
  private int live;
  private final int[] head;
  private final int[] inFlight;

  RequestPool(int servers) {
    allocate(1024);
    head = new int[servers];
    inFlight = new int[servers];
    Arrays.fill(head, -1);
  }

  private void allocate(int cap) {
    region = grow(region, cap);
    category = grow(category, cap);
    srv = grow(srv, cap);
    attempt = grow(attempt, cap);
    journey = grow(journey, cap);
    server = grow(server, cap);
    outcome = grow(outcome, cap);
    prev = grow(prev, cap);
    next = grow(next, cap);
    free = grow(free, cap);
    attemptStartNanos = attemptStartNanos == null ? new long[cap] : Arrays.copyOf(attemptStartNanos, cap);
    doneHandle = doneHandle == null ? new long[cap] : Arrays.copyOf(doneHandle, cap);
  }

  private static int[] grow(int[] a, int cap) {
    return a == null ? new int[cap] : Arrays.copyOf(a, cap);
  }

  int allocate(int regionIndex, int categoryIndex, int srvIndex, int journeyIndex) {
    int id;
    if (freeTop > 0) {
      id = free[--freeTop];
    } else {
      if (used == region.length) {
        allocate(used * 2);
      }
      id = used++;
    }
    region[id] = regionIndex;
    category[id] = categoryIndex;
    srv[id] = srvIndex;
    journey[id] = journeyIndex;
    attempt[id] = 0;
    server[id] = -1;
    prev[id] = -1;
    next[id] = -1;
    live++;
    return id;
  }

  void release(int id) {
    free[freeTop++] = id;
    live--;
  }

  /** Requests allocated and not yet released. */
  int live() {
    return live;
  }

  /** Adds the request to its server's in-flight list. */
  void link(int id, int serverIndex) {
    server[id] = serverIndex;
    int h = head[serverIndex];
    prev[id] = -1;
    next[id] = h;
    if (h >= 0) {
      prev[h] = id;
    }
    head[serverIndex] = id;
    inFlight[serverIndex]++;
  }

  void unlink(int id) {
    int s = server[id];
    int p = prev[id];
    int n = next[id];
    if (p >= 0) {
      next[p] = n;
    } else {
      head[s] = n;
    }
    if (n >= 0) {
      prev[n] = p;
    }
    prev[id] = -1;
    next[id] = -1;
    inFlight[s]--;
  }

  /** Removes and returns every request in flight at the server, newest first. */
  int[] drain(int serverIndex) {
    int[] ids = new int[inFlight[serverIndex]];
    int i = 0;
    for (int id = head[serverIndex]; id >= 0; id = next[id]) {
      ids[i++] = id;
    }
    for (int id : ids) {
      unlink(id);
    }
    return ids;
  }

  int inFlight(int serverIndex) {
    return inFlight[serverIndex];
  }
}
