package dev.watchkeeper.platform;

import java.util.List;

/**
 * Which page of a list to return: {@code page} counts from 1, {@code size} from 1 to
 * {@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}).
 */
public record PageQuery(int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 500;

	public PageQuery {
		if (page < 1) {
			throw DomainException.invalid("page", "must be 1 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw DomainException.invalid("size", "must be between 1 and " + MAX_SIZE);
		}
	}

	public static PageQuery of(Integer page, Integer size) {
		return new PageQuery(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
	}

	public int offset() {
		return (page - 1) * size;
	}

	/** One page of results and how many there are in all. */
	public record Page<T>(List<T> items, int page, int size, long total) {

		public static <T> Page<T> of(List<T> items, PageQuery query, long total) {
			return new Page<>(items, query.page(), query.size(), total);
		}

		public boolean hasNext() {
			return (long) page * size < total;
		}

	}

}
