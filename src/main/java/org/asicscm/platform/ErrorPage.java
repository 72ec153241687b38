package org.asicscm.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What the web container answers itself (a path it cannot decode or map, a Content-Type it
 * cannot parse, a failure before the REST layer) as problem+json too, instead of its HTML
 * error page, so a client reads every error the same way. Registered in web.xml's error pages.
 */
@WebServlet(urlPatterns = "/error")
public class ErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 404;
        if (status < 400 || status > 599) {
            status = 500;
        }
        String title = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign-in required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
        String detail =
                status >= 500 ? "the failure has been logged" : "the server could not take this request as sent";
        Problem.write(response, status, "http-" + status, title, detail, null);
    }
}
