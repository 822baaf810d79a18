/**
 * A run file in the layout AG2's Python framework writes, by hand: Python's key
 * order, `json.dumps(indent=2)` spacing, `ensure_ascii` escapes, floats such as `1.0`,
 * microsecond `+00:00` timestamps, an exception object and Python-shaped events with fields
 * this port does not know.
 */
export const AG2_PYTHON_RUN = String.raw`{
  "schema_version": "0.1",
  "run_id": "py-run-1",
  "label": "nightly",
  "created_at": "2026-11-26T10:30:00.123456+00:00",
  "duration_ms": 5321,
  "suite": {
    "name": "weather",
    "size": 3,
    "source": "evals/weather.jsonl"
  },
  "target": "Agent",
  "concurrency": 4,
  "tasks": [
    {
      "task_id": "sp",
      "inputs": {
        "input": "Weather in S\u00e3o Paulo?"
      },
      "reference_outputs": {
        "city": "S\u00e3o Paulo"
      },
      "tags": [
        "br",
        "weather"
      ],
      "metadata": {
        "difficulty": "easy"
      },
      "duration_ms": 1200,
      "events": [
        {
          "type": "ModelResponse",
          "message": {
            "__dataclass__": "ModelMessage",
            "data": {
              "content": null
            }
          },
          "usage": {
            "prompt_tokens": 100,
            "completion_tokens": 20
          },
          "created_at": 1795689000.5
        },
        {
          "type": "ToolCallEvent",
          "id": "call_1",
          "name": "get_weather",
          "arguments": "{\"city\": \"S\u00e3o Paulo\"}",
          "created_at": 1795689000.6
        },
        {
          "type": "ToolResultEvent",
          "parent_id": "call_1",
          "name": "get_weather",
          "result": {
            "__dataclass__": "ToolResult",
            "data": {
              "parts": [
                {
                  "content": "23\u00b0C"
                }
              ]
            }
          },
          "created_at": 1795689000.7
        }
      ],
      "exception": null,
      "tokens": {
        "input": 100,
        "output": 20,
        "cache_creation": 0,
        "cache_read": 0
      },
      "feedback": [
        {
          "key": "tool_called:get_weather",
          "score": true,
          "value": null,
          "comment": "called 1 time(s)",
          "detail": {
            "count": 1
          }
        },
        {
          "key": "quality",
          "score": 1.0,
          "value": "good",
          "comment": null,
          "detail": null
        }
      ],
      "budget_violation": false,
      "trace_ref": {
        "trace_id": "0af7651916cd43dd8448eb211c80319c",
        "task_id": "sp",
        "metadata": {
          "service": "weather-agent"
        }
      }
    },
    {
      "task_id": "zurich",
      "inputs": {
        "input": "Weather in Z\u00fcrich?"
      },
      "reference_outputs": null,
      "tags": [
        "ch"
      ],
      "metadata": {},
      "duration_ms": 900,
      "events": [],
      "exception": {
        "type": "TimeoutError",
        "message": "model call timed out after 30s"
      },
      "tokens": {
        "input": 50,
        "output": 0,
        "cache_creation": 10,
        "cache_read": 5
      },
      "feedback": [
        {
          "key": "tool_called:get_weather",
          "score": false,
          "value": null,
          "comment": "not called",
          "detail": {
            "count": 0
          }
        },
        {
          "key": "quality",
          "score": 0.5,
          "value": "poor",
          "comment": "partial \ud83d\ude00",
          "detail": null
        }
      ],
      "budget_violation": true,
      "trace_ref": null
    },
    {
      "task_id": "oslo",
      "inputs": {
        "input": "Weather in Oslo?"
      },
      "reference_outputs": {
        "city": "Oslo"
      },
      "tags": [],
      "metadata": {},
      "duration_ms": 3000,
      "events": [],
      "exception": null,
      "tokens": {
        "input": 70,
        "output": 30,
        "cache_creation": 0,
        "cache_read": 0
      },
      "feedback": [
        {
          "key": "tool_called:get_weather",
          "score": true,
          "value": null,
          "comment": "called 2 time(s)",
          "detail": {
            "count": 2
          }
        },
        {
          "key": "quality",
          "score": 0.0,
          "value": "good",
          "comment": null,
          "detail": null
        }
      ],
      "budget_violation": false,
      "trace_ref": null
    }
  ],
  "aggregates": {
    "pass_rate": {
      "tool_called:get_weather": 0.6666666666666666
    },
    "score_stats": {
      "quality": {
        "mean": 0.5,
        "p50": 0.5,
        "p95": 0.95,
        "n": 3
      }
    },
    "value_counts": {
      "quality": {
        "good": 2,
        "poor": 1
      }
    },
    "tokens": {
      "input": 220,
      "output": 50,
      "total": 270
    },
    "errors": 1,
    "budget_violations": 1
  }
}`;
