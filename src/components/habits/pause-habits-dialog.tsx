"use client";

import { FormErrorAlert } from "@/components/forms/form-error-alert";
import { useContractForm } from "@/components/forms/use-contract-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { pauseHabitsInput } from "@/lib/contracts/habits";
import { usePauseHabits } from "./use-habits";

interface PauseFormValues {
  from: string;
  until: string;
}

const toInput = (values: PauseFormValues) => ({ from: values.from, until: values.until === "" ? null : values.until });

/** "Pause all" for a holiday or a sick week: the paused days count neither for nor against any habit. */
export function PauseHabitsDialog({
  today,
  open,
  onOpenChange,
}: {
  today: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const pause = usePauseHabits();
  const contract = useContractForm(pauseHabitsInput, {
    defaultValues: { from: today, until: "" },
    toInput,
    onSubmit: async (values) => {
      await pause.mutateAsync(values);
      onOpenChange(false);
    },
  });
  const { control } = contract.form;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Pause all habits</DialogTitle>
          <DialogDescription>
            For a holiday or a sick week: paused days are neither missed nor done, so streaks and strength wait for you.
          </DialogDescription>
        </DialogHeader>
        <Form {...contract.form}>
          <form noValidate onSubmit={contract.onSubmit} className="grid gap-4">
            <FormErrorAlert error={contract.formError} alertRef={contract.formErrorRef} />
            <FormField
              control={control}
              name="from"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>From</FormLabel>
                  <FormControl>
                    <Input {...field} type="date" min={today} required />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={control}
              name="until"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Until (included)</FormLabel>
                  <FormControl>
                    <Input {...field} type="date" min={today} />
                  </FormControl>
                  <FormDescription>Leave empty to pause until you resume.</FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button type="button" variant="outline" disabled={contract.pending} onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={contract.pending}>
                {contract.pending ? "Pausing…" : "Pause habits"}
              </Button>
            </div>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
