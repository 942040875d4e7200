// The job runner. On PostgreSQL: graphile-worker, so several app instances share the work and each
// job runs once (the outbox trigger adds a job per message in the writing transaction). On the
// embedded PGlite database there is one process by definition: a small in-process loop.
import { sql } from 'drizzle-orm'
import { run, type Runner, type RunnerOptions } from 'graphile-worker'
import { Logger } from 'graphile-worker'
import type { Database, DatabaseHandle } from '../../db/client'
import { log } from './log.server'
import { runRetention } from './data-rights.server'
import { deliverMessage, dueMessages, transportFromEnv, type Transport } from './outbox.server'
import { queueCommitmentAlerts } from './commitments.server'
import { queueRestrictionReviews } from './conduct.server'
import { queueReminders } from './reminders.server'
import { refreshDefaultDashboard, refreshKeptDashboard, type DatedKpiOptions } from './kpis.server'

/** Once a day: reminders at 07:00, retention at 03:00 (London time on PostgreSQL's crontab). */
const dailyTasks = {
  send_reminders: async (handle: DatabaseHandle) =>
    (await queueReminders(handle.db, new Date())) +
    (await queueRestrictionReviews(handle.db, new Date())) +
    (await queueCommitmentAlerts(handle.db, new Date())),
  apply_retention: (handle: DatabaseHandle) => runRetention(handle.db, new Date()),
}

export interface JobRunner {
  stop(): Promise<void>
  /** Runs one pass now (tests and the embedded loop). */
  tick(): Promise<void>
}

const quietLogger = new Logger(() => (level: string, message: string) => {
  if (level === 'error' || level === 'warning') log.warn('job runner', { level, message })
})

/**
 * `sweepMs`: how often to look for messages whose job went missing (a sender died while its job was
 * locked, or the message was written before the queue existed) and queue them again.
 */
/**
 * Hands a dashboard refresh to whichever instance runs jobs (PostgreSQL only). One job per view: a
 * job_key replaces a waiting refresh of the same view instead of adding another.
 */
export function queueDashboardRefresh(db: Database) {
  return async (key: string, options: DatedKpiOptions) => {
    await db.execute(
      sql`select graphile_worker.add_job('refresh_dashboard_view', ${JSON.stringify(options)}::json, job_key => ${key}, max_attempts => 3)`,
    )
  }
}

export async function startJobRunner(
  handle: DatabaseHandle,
  options: { transport?: Transport; pollMs?: number; sweepMs?: number; concurrency?: number } = {},
): Promise<JobRunner> {
  const transport = options.transport ?? transportFromEnv()
  const db = handle.db
  if (handle.postgresUrl) {
    const runnerOptions: RunnerOptions = {
      connectionString: handle.postgresUrl,
      concurrency: options.concurrency ?? 2,
      // One connection per job at once, one for LISTEN, one for the crontab and bookkeeping.
      maxPoolSize: (options.concurrency ?? 2) + 2,
      noHandleSignals: true,
      pollInterval: options.pollMs ?? 1000,
      logger: quietLogger,
      crontab: '0 7 * * 1-5 send_reminders\n0 3 * * * apply_retention\n*/5 * * * * refresh_dashboard',
      taskList: {
        deliver_message: async (payload) => {
          const id = typeof payload === 'object' && payload !== null && 'id' in payload ? String(payload.id) : ''
          await deliverMessage(db, id, transport)
        },
        send_reminders: async () => {
          await dailyTasks.send_reminders(handle)
        },
        apply_retention: async () => {
          await dailyTasks.apply_retention(handle)
        },
        refresh_dashboard: async () => {
          await refreshDefaultDashboard(db)
        },
        // Handed on by a web-only instance (lifecycle.server.ts): the options of the view to refresh.
        refresh_dashboard_view: async (payload) => {
          await refreshKeptDashboard(db, payload as DatedKpiOptions)
        },
      },
    }
    let stopping = false
    // Fails fast when misconfigured; after that, graphile-worker gives up (its promise rejects) when
    // the database is gone for longer than its retries: start it again until the database answers,
    // so a database restart needs no app restart.
    let runner: Runner | undefined = await run(runnerOptions)
    const supervised = (async () => {
      while (!stopping) {
        try {
          runner ??= await run(runnerOptions)
          await runner.promise
          return
        } catch (error) {
          runner = undefined
          if (stopping) return
          log.warn('job runner stopped; starting again', { error: String(error) })
          await new Promise((resolve) => setTimeout(resolve, 2_000).unref())
        }
      }
    })()
    const sweep = async () => {
      for (const id of await dueMessages(db, new Date(Date.now() - 5_000), 200)) {
        // job_key replaces a waiting job and starts afresh beside a locked (dead) one: never two at once.
        await db.execute(
          sql`select graphile_worker.add_job('deliver_message', json_build_object('id', ${id}::text), job_key => ${id}::text, max_attempts => 10)`,
        )
      }
    }
    const timer = setInterval(
      () => void sweep().catch((error: unknown) => log.warn('outbox sweep failed', { error: String(error) })),
      options.sweepMs ?? 30_000,
    )
    timer.unref()
    return {
      tick: sweep,
      stop: async () => {
        stopping = true
        clearInterval(timer)
        await runner?.stop().catch(() => undefined)
        await supervised.catch(() => undefined)
      },
    }
  }

  let stopped = false
  let running: Promise<void> = Promise.resolve()
  // The embedded database runs the daily tasks itself, every 24 hours from start.
  const daily = setInterval(() => {
    for (const task of Object.values(dailyTasks))
      void task(handle).catch((error: unknown) => log.warn('daily task failed', { error: String(error) }))
  }, 24 * 3_600_000)
  daily.unref()
  const dashboard = setInterval(() => {
    void refreshDefaultDashboard(db).catch((error: unknown) =>
      log.warn('dashboard refresh failed', { error: String(error) }),
    )
  }, 5 * 60_000)
  dashboard.unref()
  const tick = async () => {
    for (const id of await dueMessages(db, new Date())) {
      if (stopped) return
      await deliverMessage(db, id, transport).catch(() => {
        // Recorded on the message (retrying, with its back-off); the next pass tries again.
      })
    }
  }
  const loop = () => {
    if (stopped) return
    running = tick()
      .catch((error: unknown) => log.warn('embedded job runner pass failed', { error: String(error) }))
      .finally(() => {
        if (!stopped) setTimeout(loop, options.pollMs ?? 1000).unref()
      })
  }
  loop()
  return {
    tick,
    stop: async () => {
      stopped = true
      clearInterval(daily)
      clearInterval(dashboard)
      await running
    },
  }
}
