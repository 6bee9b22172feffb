package dev.watchkeeper.oncall;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import dev.watchkeeper.identity.UserId;

/**
 * One rotation's hand-offs: shift k starts at the local wall time
 * {@code anchor + k × length}, converted with {@link WallClock}, so boundaries never move
 * backwards and always fall on the hand-off wall time.
 */
final class LayerClock {

	private final Rotation rotation;

	private final ZoneId zone;

	private final LocalDateTime anchor;

	private final long lengthSeconds;

	private final Instant first;

	LayerClock(Rotation rotation, ZoneId zone) {
		this.rotation = rotation;
		this.zone = zone;
		this.anchor = rotation.anchor();
		this.lengthSeconds = rotation.shiftLength().getSeconds();
		this.first = WallClock.instant(anchor, zone);
	}

	/** Where shift {@code k} starts. */
	Instant boundary(long k) {
		return WallClock.instant(anchor.plusSeconds(k * lengthSeconds), zone);
	}

	/** The shift that contains {@code at}, or -1 before the rotation starts. */
	long index(Instant at) {
		if (at.isBefore(first)) {
			return -1;
		}
		long k = (at.getEpochSecond() - first.getEpochSecond()) / lengthSeconds;
		// the estimate is off by the offset changes in between: a few steps at most
		while (k > 0 && boundary(k).isAfter(at)) {
			k--;
		}
		while (!boundary(k + 1).isAfter(at)) {
			k++;
		}
		return k;
	}

	UserId participant(long k) {
		return rotation.participants().get((int) Math.floorMod(k, (long) rotation.participants().size()));
	}

}
