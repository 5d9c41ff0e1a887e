package com.walletdesk.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.walletdesk.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * What is wrong with a request, item by item. The whole request is refused on the first
 * problem (in item order), which gives the status and code; {@code fields} names every problem
 * found, as {@code items[3].currency} in a batch or plain {@code currency} for a single item.
 */
public final class IngestProblems {

	/** Enough for a person to fix a batch; the rest is summarised in the count. */
	private static final int MAX_FIELDS = 100;

	private final boolean batch;

	private final List<Problem> problems = new ArrayList<>();

	public IngestProblems(boolean batch) {
		this.batch = batch;
	}

	/** One problem of one item (its index in the request), with the field it is about. */
	public record Problem(int index, HttpStatus status, String code, String field, String message) {
	}

	/** Every problem found so far, in the order found. */
	public List<Problem> list() {
		return List.copyOf(this.problems);
	}

	public void add(int index, HttpStatus status, String code, String field, String message) {
		this.problems.add(new Problem(index, status, code, field, message));
	}

	public void invalid(int index, String field, String message) {
		add(index, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", field, message);
	}

	public void refused(int index, String code, String field, String message) {
		add(index, HttpStatus.UNPROCESSABLE_CONTENT, code, field, message);
	}

	/** Whether an item has a problem already (later checks of that item would only repeat it). */
	public boolean has(int index) {
		return this.problems.stream().anyMatch(p -> p.index() == index);
	}

	public boolean isEmpty() {
		return this.problems.isEmpty();
	}

	public void throwIfAny() {
		if (this.problems.isEmpty()) {
			return;
		}
		List<Problem> ordered = new ArrayList<>(this.problems);
		ordered.sort(Comparator.comparingInt(Problem::index)); // stable: insertion order within an item
		Problem first = ordered.get(0);
		Map<String, String> fields = new LinkedHashMap<>();
		for (Problem problem : ordered) {
			if (fields.size() == MAX_FIELDS) {
				break;
			}
			fields.putIfAbsent(this.batch ? "items[" + problem.index() + "]." + problem.field() : problem.field(),
					problem.message());
		}
		String detail = (this.batch ? "Item " + first.index() + ": " : "") + sentence(first.field(), first.message())
				+ (ordered.size() > 1 ? " (" + ordered.size() + " problems in all)" : "") + "; nothing was stored";
		throw new ProblemException(first.status(), first.code(), detail, fields);
	}

	private static String sentence(String field, String message) {
		return "'" + field + "' " + message;
	}

}
