@echo off
rem llmeval launcher for Windows: builds target\llmeval.jar on first use, then runs it.
rem (It rebuilds only when the jar is missing; run "mvn -DskipTests package" after changing sources.)
setlocal
set "ROOT=%~dp0.."
set "JAR=%ROOT%\target\llmeval.jar"
if not exist "%JAR%" (
  echo llmeval: building %JAR% ... 1>&2
  call mvn -B -q -f "%ROOT%\pom.xml" -DskipTests package || exit /b 70
)
java %LLMEVAL_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
