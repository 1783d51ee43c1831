from django.db import connection


class QueryCountMiddleware:
    """Adds ``X-Queries``, the number of database queries the request ran (outermost, so that
    page-cache hits count too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Queries"] = str(count)
        return response
